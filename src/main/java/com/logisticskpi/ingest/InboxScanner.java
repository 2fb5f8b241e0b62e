package com.logisticskpi.ingest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lists the export files of an inbox in load order: kind by kind (orders, shipments, returns, surveys), and within
 * a kind by business date in the name, then by name. A file matching several kinds' globs belongs to the first.
 */
final class InboxScanner {

    private final IngestProperties properties;

    InboxScanner(IngestProperties properties) {
        this.properties = properties;
    }

    List<InboxFile> scan(Path inbox) {
        if (!Files.isDirectory(inbox)) {
            throw new IngestException("inbox " + inbox + " is not a directory");
        }
        List<PathMatcher> matchers = new ArrayList<>();
        for (ExportKind kind : ExportKind.values()) {
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + properties.glob(kind)));
        }
        List<InboxFile> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(inbox)) {
            for (Path p : dir) {
                if (!Files.isRegularFile(p)) {
                    continue;
                }
                Path name = p.getFileName();
                for (ExportKind kind : ExportKind.values()) {
                    if (matchers.get(kind.ordinal()).matches(name)) {
                        files.add(InboxFile.of(kind, p));
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new IngestException("inbox " + inbox + " cannot be listed: " + e.getMessage(), e);
        }
        files.sort(Comparator.comparing(InboxFile::kind).thenComparing(InboxFile::sourceOrder));
        return files;
    }
}
