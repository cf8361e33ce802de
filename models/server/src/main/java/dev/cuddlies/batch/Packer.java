package dev.cuddlies.batch;

import dev.cuddlies.outline.ImageFormat;
import dev.cuddlies.recordio.ImageRecord;
import dev.cuddlies.recordio.RecordIOWriter;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Packs pictures into {@code PREFIX.rec} + {@code PREFIX.idx} as MXNet's im2rec does with
 * {@code --pass-through}: the encoded bytes are stored as they are, behind an image-record header.
 * From a folder, subfolders become labels 0, 1, 2… (sorted), and {@code PREFIX.lst} is written too.
 */
public final class Packer {

    private Packer() {
    }

    /** What was packed. */
    public record Result(int packed, List<String> skipped) {
    }

    public static Result pack(Path input, Path prefix) throws IOException {
        Path parent = prefix.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        List<LstFile.Entry> entries;
        Path root;
        if (Files.isDirectory(input)) {
            root = input;
            entries = listFolder(input);
            LstFile.write(sibling(prefix, ".lst"), entries);
        } else {
            root = input.toAbsolutePath().getParent();
            entries = LstFile.read(input);
        }
        List<IndexFile.Entry> index = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Path rec = sibling(prefix, ".rec");
        Path tmp = sibling(prefix, ".rec.partial");
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(tmp));
             RecordIOWriter writer = new RecordIOWriter(file)) {
            for (LstFile.Entry e : entries) {
                Path picture = root.resolve(e.path());
                if (!Files.isRegularFile(picture)) {
                    skipped.add(e.path() + ": no such file");
                    continue;
                }
                byte[] bytes = Files.readAllBytes(picture);
                if (ImageFormat.sniff(bytes).isEmpty()) {
                    skipped.add(e.path() + ": not a picture");
                    continue;
                }
                index.add(new IndexFile.Entry(e.index(), writer.position()));
                writer.write(new ImageRecord(e.labels(), e.index(), 0, bytes).pack());
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, rec, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        IndexFile.write(sibling(prefix, ".idx"), index);
        return new Result(index.size(), skipped);
    }

    private static List<LstFile.Entry> listFolder(Path dir) throws IOException {
        List<Path> pictures = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).filter(Packer::looksLikePicture).sorted().forEach(pictures::add);
        }
        List<String> classes = pictures.stream().map(p -> dir.relativize(p.getParent()).toString())
                .distinct().sorted().toList();
        List<LstFile.Entry> entries = new ArrayList<>();
        long i = 0;
        for (Path p : pictures) {
            float label = classes.indexOf(dir.relativize(p.getParent()).toString());
            entries.add(new LstFile.Entry(i++, new float[] {label}, dir.relativize(p).toString()));
        }
        return entries;
    }

    private static boolean looksLikePicture(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".gif")
                || n.endsWith(".bmp") || n.endsWith(".webp");
    }

    private static Path sibling(Path prefix, String suffix) {
        return prefix.resolveSibling(prefix.getFileName() + suffix);
    }
}
