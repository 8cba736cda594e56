import java.io.*;
import java.nio.*;
import java.nio.channels.*;
import java.nio.file.*;
import java.util.*;

/** Lists the two store headers and the newest chunks of an MVStore file (java ChunkScan.java FILE.mv.db [N]), by version, with where each predicted the next one (decision 0002). */
public class ChunkScan {
    public static void main(String[] a) throws Exception {
        try (FileChannel ch = FileChannel.open(Path.of(a[0]))) {
            long size = ch.size();
            ByteBuffer b = ByteBuffer.allocate(4096);
            for (int h = 0; h < 2; h++) {
                b.clear(); ch.read(b, h * 4096L);
                String s = new String(b.array(), 0, 4096, "ISO-8859-1");
                System.out.println("HEADER " + h + ": " + s.substring(0, s.indexOf('\n')));
            }
            List<String[]> chunks = new ArrayList<>();
            for (long blk = 2; blk * 4096 < size; blk++) {
                b.clear(); ch.read(b, blk * 4096L);
                String s = new String(b.array(), 0, 1024, "ISO-8859-1");
                if (!s.startsWith("chunk:")) continue; if (s.indexOf('\n') < 0) continue;
                String line = s.substring(0, Math.max(0, s.indexOf('\n')));
                Map<String, String> m = new LinkedHashMap<>();
                for (String kv : line.split(",")) { int i = kv.indexOf(':'); if (i > 0) m.put(kv.substring(0, i), kv.substring(i + 1)); }
                long version = Long.parseLong(m.getOrDefault("version", "0"), 16);
                long len = Long.parseLong(m.getOrDefault("len", "0"), 16);
                // footer
                ByteBuffer f = ByteBuffer.allocate(128); ch.read(f, (blk + len) * 4096L - 128);
                String foot = new String(f.array(), "ISO-8859-1").trim();
                boolean footOk = foot.startsWith("chunk:" + m.get("chunk") + ",");
                chunks.add(new String[]{String.format("%08d", version), "v=" + version + " id=" + Long.parseLong(m.getOrDefault("chunk","0"), 16) + " block=" + blk + " len=" + len
                        + " next=" + Long.parseLong(m.getOrDefault("next", "0"), 16) + " time=" + Long.parseLong(m.getOrDefault("time", "0"), 16) + (footOk ? "" : " FOOTER-BAD")});
            }
            chunks.sort(Comparator.comparing(x -> x[0]));
            int n = Integer.parseInt(a.length > 1 ? a[1] : "15");
            System.out.println("file blocks=" + size / 4096 + " chunks found=" + chunks.size());
            for (int i = Math.max(0, chunks.size() - n); i < chunks.size(); i++) System.out.println(chunks.get(i)[1]);
        }
    }
}
