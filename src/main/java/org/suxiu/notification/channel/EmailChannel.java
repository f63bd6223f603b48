package org.suxiu.notification.channel;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.suxiu.notification.Channel;
import org.suxiu.notification.DeliveryResult;
import org.suxiu.notification.MessageChannel;
import org.suxiu.notification.OutgoingMessage;

/**
 * E-mail through SMTP ({@code spring.mail.*}). Each mail carries our message id in an
 * {@code X-SuXiu-Message-Id} header, the same on every attempt, so that a mail sent twice
 * after a crash can be recognised. An address the server refuses is final; a server that
 * cannot be reached is retried.
 */
class EmailChannel implements MessageChannel {

	private final JavaMailSender mail;

	private final String from;

	private final String signature;

	EmailChannel(JavaMailSender mail, String from, String signature) {
		this.mail = mail;
		this.from = from;
		this.signature = signature;
	}

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	@Override
	public DeliveryResult send(OutgoingMessage message) {
		try {
			MimeMessage mime = mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(mime, "UTF-8");
			helper.setFrom(from);
			helper.setTo(message.recipient());
			helper.setSubject(message.subject() == null ? signature : signature + " " + message.subject());
			helper.setText(message.body() + "\n\n" + signature);
			mime.setHeader("X-SuXiu-Message-Id", message.reference());
			mail.send(mime);
			return DeliveryResult.sent(message.reference());
		}
		catch (MailParseException | MailPreparationException ex) {
			return DeliveryResult.rejected("e-mail cannot be built: " + ex.getMessage());
		}
		catch (MailAuthenticationException ex) {
			return DeliveryResult.retry("SMTP authentication failed");
		}
		catch (MailSendException ex) {
			boolean refused = ex.getMessageExceptions().length > 0 && java.util.Arrays.stream(ex.getMessageExceptions())
				.allMatch(SendFailedException.class::isInstance);
			return refused ? DeliveryResult.rejected("address refused: " + ex.getMessage())
					: DeliveryResult.retry("SMTP unavailable: " + ex.getMessage());
		}
		catch (MailException ex) {
			return DeliveryResult.retry("e-mail failed: " + ex.getMessage());
		}
		catch (MessagingException ex) {
			return DeliveryResult.rejected("e-mail cannot be built: " + ex.getMessage());
		}
	}

}
