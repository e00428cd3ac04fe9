package dev.pathwise.api.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over the limit with 413 problem+json before anything reads it. A declared
 * {@code Content-Length} over the limit is refused at once; a body without one (chunked) is read up to the limit
 * and refused as soon as it goes past it. Tomcat's form-size setting does not cover JSON, hence this filter.
 */
public final class RequestSizeFilter extends OncePerRequestFilter {

    private final long defaultMaxBytes;
    private final java.util.Map<String, Long> maxBytesByPath;
    private final ObjectMapper json;

    public RequestSizeFilter(long maxBytes, ObjectMapper json) {
        this(maxBytes, java.util.Map.of(), json);
    }

    /**
     * @param maxBytesByPath other limits for the paths that start with these prefixes, such as a published CASE
     *                       package or a district's roster (several megabytes)
     */
    public RequestSizeFilter(long maxBytes, java.util.Map<String, Long> maxBytesByPath, ObjectMapper json) {
        this.defaultMaxBytes = maxBytes;
        this.maxBytesByPath = java.util.Map.copyOf(maxBytesByPath);
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long maxBytes = maxBytesByPath.entrySet().stream()
                .filter(e -> path.startsWith(e.getKey()))
                .mapToLong(java.util.Map.Entry::getValue)
                .findFirst()
                .orElse(defaultMaxBytes);
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
        // The rest of the body is not read: tell the client the connection ends here.
        response.setHeader("Connection", "close");
        FilterProblems.write(
                json,
                request,
                response,
                HttpStatus.PAYLOAD_TOO_LARGE,
                "body-too-large",
                "Too large",
                "body",
                size >= 0 ? size : null,
                "body: " + (size >= 0 ? size + " bytes is" : "the body is")
                        + " larger than the limit of " + maxBytes + " bytes; send less per request (evidence in"
                        + " batches of at most 1000)");
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while (out.size() < limit
                && (read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - out.size()))) != -1) {
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
            return new BufferedReader(new InputStreamReader(
                    new ByteArrayInputStream(body),
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
