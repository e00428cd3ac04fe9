package dev.pathwise.api.limits;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a request body over the limit with 413 problem+json before anything reads it. A declared
 * {@code Content-Length} over the limit is refused at once; a body without one (chunked) is read up to the limit
 * and refused as soon as it goes past it. Tomcat's form-size setting does not cover JSON, hence this filter.
 */
public final class RequestSizeFilter extends OncePerRequestFilter {

    private final long defaultMaxBytes;
    private final java.util.Map<String, Long> byPathPrefix;
    private final ObjectMapper json;

    public RequestSizeFilter(long maxBytes, ObjectMapper json) {
        this(maxBytes, java.util.Map.of(), json);
    }

    /** A default limit, and other limits for the paths that start with the given prefixes (uploads of files). */
    public RequestSizeFilter(long maxBytes, java.util.Map<String, Long> byPathPrefix, ObjectMapper json) {
        this.defaultMaxBytes = maxBytes;
        this.byPathPrefix = java.util.Map.copyOf(byPathPrefix);
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long maxBytes = byPathPrefix.entrySet().stream().filter(e -> path.startsWith(e.getKey()))
                .mapToLong(java.util.Map.Entry::getValue).findFirst().orElse(defaultMaxBytes);
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(request, response, declared, maxBytes);
            return;
        }
        if (declared >= 0) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), maxBytes + 1);
        if (body.length > maxBytes) {
            refuse(request, response, -1, maxBytes);
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long size, long maxBytes)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "body: "
                + (size >= 0 ? size + " bytes is" : "the body is") + " larger than the limit of " + maxBytes
                + " bytes; send less per request (evidence in batches of at most 1000)");
        problem.setType(URI.create("https://pathwise.dev/problems/body-too-large"));
        problem.setTitle("Too large");
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("field", "body");
        problem.setProperty("value", size >= 0 ? size : null);
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // The rest of the body is not read: tell the client the connection ends here.
        response.setHeader("Connection", "close");
        json.writeValue(response.getOutputStream(), problem);
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while (out.size() < limit && (read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - out.size())))
                != -1) {
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    /** The request with its (already read, within the limit) body served from memory. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
