package org.suxiu.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One signed-in API client over HTTP/1.1 keep-alive, written straight to a blocking
 * socket. The load generator shares the two cores with the server and PostgreSQL:
 * {@code java.net.http.HttpClient} spent about 0.27 ms of CPU per request (its selector
 * thread, futures and header maps), a third of what the server spends on a detail read,
 * and the benchmark measured that as lost server throughput. Here a request is one write
 * and the reply one buffered read on the calling thread. Bodies are sent and read as
 * plain strings: parsing JSON here would spend CPU the server needs.
 */
final class BenchClient {

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");

	private static final int TIMEOUT_MILLIS = 30_000;

	private final Pool pool;

	private final String authorization;

	private BenchClient(Pool pool, String authorization) {
		this.pool = pool;
		this.authorization = authorization;
	}

	/** Signs in with {@code POST /api/v1/auth/token} and keeps the bearer token. */
	static BenchClient signIn(int port, String username, String password) {
		return new BenchClient(new Pool("localhost", port), null).signInAs(username, password);
	}

	/** Another person signed in over this client's connections. */
	BenchClient signInAs(String username, String password) {
		BenchClient anonymous = new BenchClient(this.pool, null);
		Reply reply = anonymous.post("/api/v1/auth/token",
				"{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
		Matcher token = ACCESS_TOKEN.matcher(reply.body());
		if (reply.status() != 200 || !token.find()) {
			throw new IllegalStateException("Cannot sign in " + username + ": " + reply.status() + " " + reply.body());
		}
		return new BenchClient(this.pool, "Bearer " + token.group(1));
	}

	/**
	 * The same identity on connections of its own, as a separate user agent would be.
	 */
	BenchClient withOwnConnection() {
		return new BenchClient(new Pool(this.pool.host, this.pool.port), this.authorization);
	}

	Reply post(String path, String json) {
		return send("POST", path, json.getBytes(StandardCharsets.UTF_8));
	}

	Reply get(String path) {
		return send("GET", path, null);
	}

	private Reply send(String method, String path, byte[] body) {
		StringBuilder head = new StringBuilder(512).append(method)
			.append(' ')
			.append(path)
			.append(" HTTP/1.1\r\nHost: ")
			.append(this.pool.host)
			.append(':')
			.append(this.pool.port)
			.append("\r\n");
		if (this.authorization != null) {
			head.append("Authorization: ").append(this.authorization).append("\r\n");
		}
		if (body != null) {
			head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
		}
		byte[] request = head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
		// a kept-alive connection the server has just closed fails before any byte of a
		// reply: the request was not taken, so it goes once more on a new connection
		for (int attempt = 0;; attempt++) {
			Connection connection = this.pool.take();
			try {
				Reply reply = connection.exchange(request, body);
				this.pool.giveBack(connection, reply);
				return reply;
			}
			catch (IOException ex) {
				connection.close();
				if (!connection.reused || connection.answered || attempt > 0) {
					return new Reply(-1, ex.toString(), null, false);
				}
			}
		}
	}

	/**
	 * What came back; status -1 when the request failed before an answer.
	 *
	 * @param status HTTP status
	 * @param body the body as text
	 * @param location the Location header, if any
	 * @param keepAlive whether the server keeps the connection open
	 */
	record Reply(int status, String body, String location, boolean keepAlive) {
	}

	/** Idle connections to one server; any thread takes one and gives it back. */
	private static final class Pool {

		private final String host;

		private final int port;

		private final Queue<Connection> idle = new ConcurrentLinkedQueue<>();

		Pool(String host, int port) {
			this.host = host;
			this.port = port;
		}

		Connection take() {
			Connection connection = this.idle.poll();
			if (connection != null) {
				connection.reused = true;
				return connection;
			}
			return new Connection(this.host, this.port);
		}

		void giveBack(Connection connection, Reply reply) {
			if (reply.keepAlive()) {
				this.idle.add(connection);
			}
			else {
				connection.close();
			}
		}

	}

	private static final class Connection {

		private final String host;

		private final int port;

		private Socket socket;

		private InputStream in;

		private OutputStream out;

		boolean reused;

		/** Whether a byte of the reply to the current request came back. */
		boolean answered;

		Connection(String host, int port) {
			this.host = host;
			this.port = port;
		}

		Reply exchange(byte[] head, byte[] body) throws IOException {
			this.answered = false;
			if (this.socket == null) {
				this.socket = new Socket();
				this.socket.setTcpNoDelay(true);
				this.socket.setSoTimeout(TIMEOUT_MILLIS);
				this.socket.connect(new InetSocketAddress(this.host, this.port), 5_000);
				this.in = new BufferedInputStream(this.socket.getInputStream(), 16 * 1024);
				this.out = this.socket.getOutputStream();
			}
			if (body == null || head.length + body.length > 8 * 1024) {
				this.out.write(head);
				if (body != null) {
					this.out.write(body);
				}
			}
			else {
				byte[] whole = new byte[head.length + body.length];
				System.arraycopy(head, 0, whole, 0, head.length);
				System.arraycopy(body, 0, whole, head.length, body.length);
				this.out.write(whole);
			}
			this.out.flush();
			String statusLine = line();
			int status = Integer.parseInt(statusLine.substring(9, 12));
			long length = -1;
			boolean chunked = false;
			boolean keepAlive = statusLine.startsWith("HTTP/1.1");
			String location = null;
			for (String header = line(); !header.isEmpty(); header = line()) {
				int colon = header.indexOf(':');
				String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
				String value = header.substring(colon + 1).trim();
				switch (name) {
					case "content-length" -> length = Long.parseLong(value);
					case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
					case "connection" -> keepAlive = !value.equalsIgnoreCase("close");
					case "location" -> location = value;
					default -> {
					}
				}
			}
			ByteArrayOutputStream content = new ByteArrayOutputStream(length > 0 ? (int) length : 1024);
			if (chunked) {
				for (long size = Long.parseLong(chunkSize(line()), 16); size > 0; size = Long
					.parseLong(chunkSize(line()), 16)) {
					copy(size, content);
					line();
				}
				// trailers, then the empty line
				while (!line().isEmpty()) {
					// skip
				}
			}
			else if (length >= 0) {
				copy(length, content);
			}
			else if (status >= 200 && status != 204 && status != 304) {
				// no length: the body runs until the server closes
				this.in.transferTo(content);
				keepAlive = false;
			}
			return new Reply(status, content.toString(StandardCharsets.UTF_8), location, keepAlive);
		}

		private static String chunkSize(String line) {
			int extension = line.indexOf(';');
			return (extension < 0 ? line : line.substring(0, extension)).trim();
		}

		private void copy(long length, ByteArrayOutputStream to) throws IOException {
			byte[] buffer = new byte[(int) Math.min(length, 8192)];
			for (long left = length; left > 0;) {
				int n = this.in.read(buffer, 0, (int) Math.min(buffer.length, left));
				if (n < 0) {
					throw new EOFException("body cut short");
				}
				to.write(buffer, 0, n);
				left -= n;
			}
		}

		/** One header line without its CRLF (ISO-8859-1, as HTTP headers are). */
		private String line() throws IOException {
			StringBuilder line = new StringBuilder(64);
			for (int c = this.in.read();; c = this.in.read()) {
				if (c < 0) {
					throw new EOFException(this.answered ? "reply cut short" : "connection closed before a reply");
				}
				this.answered = true;
				if (c == '\n') {
					int end = line.length();
					if (end > 0 && line.charAt(end - 1) == '\r') {
						line.setLength(end - 1);
					}
					return line.toString();
				}
				line.append((char) c);
			}
		}

		void close() {
			if (this.socket != null) {
				try {
					this.socket.close();
				}
				catch (IOException ex) {
					// closing anyway
				}
				this.socket = null;
			}
		}

	}

}
