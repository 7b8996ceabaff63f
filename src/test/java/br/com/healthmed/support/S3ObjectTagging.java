package br.com.healthmed.support;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The object-tagging sub-resource ({@code ?tagging}: GetObjectTagging, PutObjectTagging,
 * DeleteObjectTagging) that s3proxy 4.1.0 lacks — it answers NotImplemented — added in front of it as
 * a servlet filter, answering in S3's XML. Tags are kept in memory per bucket and key, and dropped
 * when the object is deleted. Unlike the rest of s3proxy, tagging requests are not signature-checked.
 *
 * <p>It also stands in for GuardDuty Malware Protection for S3 on the buckets named in
 * {@link #scanOnUpload}: every object stored there is tagged {@code GuardDutyMalwareScanStatus} with
 * the given result right after its PUT, as GuardDuty does moments later.
 */
final class S3ObjectTagging implements Filter {

    static final String GUARD_DUTY_TAG = "GuardDutyMalwareScanStatus";

    private final Map<String, Map<String, String>> tags = new ConcurrentHashMap<>();
    private final Map<String, String> scannedBuckets = new ConcurrentHashMap<>();

    /** Tags every object PUT into {@code bucket} from now on with GuardDuty's {@code result}; empty stops it. */
    void scanOnUpload(String bucket, Optional<String> result) {
        result.ifPresentOrElse(value -> scannedBuckets.put(bucket, value), () -> scannedBuckets.remove(bucket));
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        String object = request.getRequestURI();
        boolean tagging = request.getParameterMap().containsKey("tagging");
        if (!tagging) {
            chain.doFilter(request, response);
            if (request.getMethod().equals("DELETE")) {
                tags.remove(object);
            } else if (request.getMethod().equals("PUT") && response.getStatus() == 200 && !request.getParameterMap().containsKey("uploadId")) {
                String bucket = object.substring(1).split("/", 2)[0];
                Optional.ofNullable(scannedBuckets.get(bucket)).ifPresent(result -> tags.put(object, Map.of(GUARD_DUTY_TAG, result)));
            }
            return;
        }
        switch (request.getMethod()) {
            case "GET" -> {
                StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<Tagging xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><TagSet>");
                tags.getOrDefault(object, Map.of()).forEach((key, value) ->
                        xml.append("<Tag><Key>").append(key).append("</Key><Value>").append(value).append("</Value></Tag>"));
                xml.append("</TagSet></Tagging>");
                response.setStatus(200);
                response.setContentType("application/xml");
                response.getOutputStream().write(xml.toString().getBytes(StandardCharsets.UTF_8));
            }
            case "PUT" -> {
                tags.put(object, parse(request.getInputStream().readAllBytes()));
                response.setStatus(200);
            }
            case "DELETE" -> {
                tags.remove(object);
                response.setStatus(204);
            }
            default -> response.setStatus(405);
        }
    }

    private static Map<String, String> parse(byte[] body) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(body));
            Map<String, String> parsed = new LinkedHashMap<>();
            NodeList tagElements = document.getElementsByTagNameNS("*", "Tag");
            for (int i = 0; i < tagElements.getLength(); i++) {
                Element tag = (Element) tagElements.item(i);
                parsed.put(tag.getElementsByTagNameNS("*", "Key").item(0).getTextContent(),
                        tag.getElementsByTagNameNS("*", "Value").item(0).getTextContent());
            }
            return Map.copyOf(parsed);
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException("Not a Tagging document", e);
        }
    }
}
