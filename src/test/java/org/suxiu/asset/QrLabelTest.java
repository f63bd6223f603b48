package org.suxiu.asset;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.suxiu.ApplicationTest;
import org.suxiu.inspection.Routes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The QR labels: a scanner reads the asset's or checkpoint's page link from the PNG, and
 * the link names the thing by its id, nothing more.
 */
class QrLabelTest extends ApplicationTest {

	@Test
	void anAssetsLabelLeadsToItsPageAndCarriesNoSecret() throws Exception {
		long lift = new Equipment(api).lift();

		HttpResponse<byte[]> label = api.download("manager", "/api/v1/assets/" + lift + "/label.png");

		assertThat(label.statusCode()).isEqualTo(200);
		assertThat(label.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
		assertThat(scan(label.body())).isEqualTo("http://localhost:8080/a/" + lift);
	}

	@Test
	void aCheckpointsLabelLeadsToItsCheckIn() throws Exception {
		JsonNode route = new Routes(api).pumpAndPowerRooms();
		long checkpoint = Routes.checkpoint(route, 0).get("id").asLong();

		HttpResponse<byte[]> label = api.download("supervisor", "/api/v1/checkpoints/" + checkpoint + "/label.png");

		assertThat(scan(label.body())).isEqualTo("http://localhost:8080/checkpoints/" + checkpoint);
	}

	@Test
	void anotherCompanyGetsNoLabel() {
		long lift = new Equipment(api).lift();

		assertThat(api.download("north-agent", "/api/v1/assets/" + lift + "/label.png").statusCode()).isEqualTo(404);
	}

	static String scan(byte[] png) throws Exception {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		BinaryBitmap bitmap = new BinaryBitmap(
				new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
		return new QRCodeReader().decode(bitmap).getText();
	}

}
