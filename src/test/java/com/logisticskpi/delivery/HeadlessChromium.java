package com.logisticskpi.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

/**
 * Renders a mail's HTML part in Debian's headless Chromium, at a given CSS width, the way a phone or desktop mail
 * client would lay it out. Chromium's window cannot be narrower than 500 px, so the mail is put into an iframe of
 * exactly the wanted width (its own viewport); a script in the harness measures the mail's layout (scroll width
 * against the viewport width, the box of every headline row's value and status) and writes it into the DOM, which
 * {@code --dump-dom} returns. A screenshot of the same page is cropped to the iframe. Chromium missing is a failure:
 * {@code .ci/run} installs it.
 */
final class HeadlessChromium {

    /** What the browser measured. {@code rows}: per headline row [left, right of value/status, value width, value height]. */
    record Layout(int viewportWidth, int scrollWidth, int contentHeight, List<double[]> rows, List<double[]> images) {
    }

    private HeadlessChromium() {
    }

    static Path executable() {
        for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(c))) {
                return Path.of(c);
            }
        }
        throw new AssertionError("headless Chromium is not installed (Debian: apt-get install -y chromium; .ci/run does it)");
    }

    /** The mail's HTML with every {@code cid:} image replaced by a data URI of its bytes. */
    static String inlineImages(String html, Map<String, byte[]> imagesByCid) {
        Matcher m = Pattern.compile("src=\"cid:([^\"]+)\"").matcher(html);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            byte[] png = imagesByCid.get(m.group(1));
            assertThat(png).as("inline part for cid:" + m.group(1)).isNotNull();
            m.appendReplacement(b, Matcher.quoteReplacement("src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\""));
        }
        m.appendTail(b);
        return b.toString();
    }

    static Layout render(String html, int width, Path dir, Path screenshot) throws Exception {
        Files.createDirectories(dir);
        String harness = """
                <!DOCTYPE html><html><head><meta charset="UTF-8"><style>body{margin:0;background:#fff}</style></head><body>
                <iframe id="mail" style="border:0;display:block;width:%dpx;height:4000px" srcdoc="%s"></iframe>
                <pre id="layout"></pre>
                <script>
                window.addEventListener('load', function () {
                  var f = document.getElementById('mail'), d = f.contentDocument, w = f.contentWindow;
                  var rows = [], imgs = [];
                  d.querySelectorAll('.kpi-row').forEach(function (r) {
                    var v = r.querySelector('.value').getBoundingClientRect();
                    var s = r.querySelector('.status');
                    var right = Math.max(v.right, s ? s.getBoundingClientRect().right : 0);
                    rows.push([r.getBoundingClientRect().left, right, v.width, v.height]);
                  });
                  Array.prototype.forEach.call(d.images, function (i) {
                    var b = i.getBoundingClientRect(); imgs.push([b.left, b.right, b.width, i.naturalWidth]);
                  });
                  document.getElementById('layout').textContent = 'LAYOUT ' + w.innerWidth + ' '
                    + d.documentElement.scrollWidth + ' ' + Math.ceil(d.body.getBoundingClientRect().bottom) + ' ROWS '
                    + JSON.stringify(rows) + ' IMGS ' + JSON.stringify(imgs) + ' END';
                });
                </script></body></html>
                """.formatted(width, html.replace("&", "&amp;").replace("\"", "&quot;"));
        Path page = dir.resolve("mail-" + width + ".html");
        Files.writeString(page, harness, StandardCharsets.UTF_8);
        int window = Math.max(width, 500);
        String dom = chromium(dir, "--window-size=" + window + ",4000", "--virtual-time-budget=5000", "--dump-dom",
                page.toUri().toString());
        Matcher m = Pattern.compile("LAYOUT (\\d+) (\\d+) (\\d+) ROWS (\\[.*?\\]) IMGS (\\[.*?\\]) END", Pattern.DOTALL).matcher(dom);
        assertThat(m.find()).as("layout written by the harness script in:\n" + dom.substring(0, Math.min(dom.length(), 2000))).isTrue();
        Layout layout = new Layout(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                numbers(m.group(4)), numbers(m.group(5)));
        if (screenshot != null) {
            Path raw = dir.resolve("raw-" + width + ".png");
            chromium(dir, "--window-size=" + window + "," + (layout.contentHeight() + 20), "--virtual-time-budget=5000",
                    "--hide-scrollbars", "--screenshot=" + raw, page.toUri().toString());
            BufferedImage full = ImageIO.read(raw.toFile());
            BufferedImage crop = full.getSubimage(0, 0, Math.min(width, full.getWidth()), Math.min(layout.contentHeight(), full.getHeight()));
            Files.createDirectories(screenshot.toAbsolutePath().getParent());
            ImageIO.write(crop, "png", screenshot.toFile());
        }
        return layout;
    }

    private static List<double[]> numbers(String json) {
        List<double[]> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\[([-0-9.,e]+)\\]").matcher(json);
        while (m.find()) {
            String[] p = m.group(1).split(",");
            double[] d = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                d[i] = Double.parseDouble(p[i]);
            }
            out.add(d);
        }
        return out;
    }

    private static String chromium(Path dir, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "profile");
        List<String> cmd = new ArrayList<>(List.of(executable().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--allow-file-access-from-files", "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("chromium.out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(dir.resolve("chromium.err").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s: " + cmd);
        }
        assertThat(p.exitValue()).as("chromium exit code; stderr: " + Files.readString(dir.resolve("chromium.err"))).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
