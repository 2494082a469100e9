package org.mriworkbench.magic;

import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.graph.Dependency;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a POM that {@code %%loadFromPOM} uses: its {@code <dependency>} and {@code <repository>} elements,
 * wherever they sit. IJava accepts a whole {@code pom.xml} or just a fragment ({@code <dependencies>...}, a single
 * {@code <dependency>}), so the cell is wrapped in one root element before parsing. Dependencies inside
 * {@code <dependencyManagement>} or {@code <plugin>} are not dependencies of the notebook and are left out;
 * {@code ${property}} references are not interpolated (a clear error from the resolver names them).
 *
 * @param dependencies what to resolve, in order
 * @param repositories extra repositories, id to URL
 */
record PomFragment(List<Dependency> dependencies, Map<String, String> repositories) {

    static PomFragment parse(String xml) {
        String body = xml.strip().replaceFirst("^<\\?xml[^>]*\\?>", "");
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            javax.xml.parsers.DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(null); // the exception says it; the default handler would also print to stderr
            doc = builder.parse(new InputSource(new StringReader("<fragment>" + body + "</fragment>")));
        } catch (Exception e) {
            throw new IllegalArgumentException("%%loadFromPOM: the cell is not well-formed XML: " + e.getMessage());
        }
        List<Dependency> deps = new ArrayList<>();
        NodeList dn = doc.getElementsByTagName("dependency");
        for (int i = 0; i < dn.getLength(); i++) {
            Element d = (Element) dn.item(i);
            if (inside(d, "dependencyManagement") || inside(d, "plugin")) {
                continue;
            }
            String g = text(d, "groupId");
            String a = text(d, "artifactId");
            String v = text(d, "version");
            if (g.isEmpty() || a.isEmpty() || v.isEmpty()) {
                throw new IllegalArgumentException("%%loadFromPOM: a <dependency> needs groupId, artifactId and "
                        + "version (found " + g + ":" + a + ":" + v + ")");
            }
            String scope = text(d, "scope");
            if (scope.equals("test") || scope.equals("provided") || scope.equals("system")) {
                continue;
            }
            String type = text(d, "type");
            deps.add(new Dependency(new DefaultArtifact(g, a, text(d, "classifier"), type.isEmpty() ? "jar" : type, v),
                    "runtime", "true".equals(text(d, "optional"))));
        }
        Map<String, String> repos = new LinkedHashMap<>();
        NodeList rn = doc.getElementsByTagName("repository");
        for (int i = 0; i < rn.getLength(); i++) {
            Element r = (Element) rn.item(i);
            if (inside(r, "distributionManagement")) {
                continue;
            }
            String url = text(r, "url");
            if (!url.isEmpty()) {
                String id = text(r, "id");
                repos.put(id.isEmpty() ? "repo" + (repos.size() + 1) : id, url);
            }
        }
        if (deps.isEmpty() && repos.isEmpty()) {
            throw new IllegalArgumentException("%%loadFromPOM: the cell holds no <dependency> and no <repository>");
        }
        return new PomFragment(List.copyOf(deps), java.util.Collections.unmodifiableMap(repos));
    }

    private static boolean inside(Element e, String tag) {
        for (Node p = e.getParentNode(); p != null; p = p.getParentNode()) {
            if (tag.equals(p.getNodeName())) {
                return true;
            }
        }
        return false;
    }

    /** The text of {@code e}'s direct child {@code tag}, or "". */
    private static String text(Element e, String tag) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child && child.getTagName().equals(tag)) {
                return child.getTextContent().strip();
            }
        }
        return "";
    }
}
