package org.suxiu.shared;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DataDirectoryLockTest {

	@Test
	void refusesASecondHolderOfTheSameDataDirectory(@TempDir Path directory) throws Exception {
		try (DataDirectoryLock first = DataDirectoryLock.acquire(directory)) {

			assertThatIllegalStateException().isThrownBy(() -> DataDirectoryLock.acquire(directory))
				.withMessageContaining("in use by another running SuXiu");
		}
	}

	@Test
	void isFreeAgainOnceReleased(@TempDir Path directory) throws Exception {
		DataDirectoryLock.acquire(directory).close();

		try (DataDirectoryLock again = DataDirectoryLock.acquire(directory)) {
			assertThat(directory.resolve("suxiu.lock")).exists();
		}
	}

}
