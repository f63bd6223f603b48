package org.suxiu.attachment;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.suxiu.shared.SuxiuProperties;

/**
 * Files on local disk unless another {@link FileStore} is configured.
 */
@Configuration(proxyBeanMethods = false)
class AttachmentConfiguration {

	@Bean
	@ConditionalOnMissingBean(FileStore.class)
	FileStore fileStore(SuxiuProperties properties) {
		return new LocalFileStore(properties.dataDirectory().resolve("files"));
	}

}
