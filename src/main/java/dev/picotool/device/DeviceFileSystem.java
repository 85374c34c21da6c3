package dev.picotool.device;

import static dev.picotool.render.PyLiteral.str;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The board's filesystem through the raw REPL. Contents travel base64-encoded as bytes literals ({@code b'...'}:
 * the C binascii of rp2 also takes str, but micropython-lib's pure-Python binascii only takes bytes). Hashing runs on the board, so unchanged files never cross the wire.
 * Writes are atomic: the new content goes to {@code name.tmp}, its sha256 is checked on the board, then it is renamed
 * over the target. An interrupted write leaves the old file untouched. Paths are quoted with {@code PyLiteral.str}.
 */
public final class DeviceFileSystem {
    static final String TMP_SUFFIX = ".tmp";
    private static final int READ_BLOCK = 768;

    /** sha256 of a file in 512-byte readinto steps (little RAM), or '-' if it cannot be opened. */
    private static final String HASH_FN = """
            import hashlib,binascii
            def _pt_h(p):
             try:
              f=open(p,'rb')
             except OSError:
              return '-'
             h=hashlib.sha256();b=bytearray(512);m=memoryview(b)
             while 1:
              n=f.readinto(b)
              if not n:break
              h.update(m[:n])
             f.close()
             return binascii.hexlify(h.digest()).decode()
            """;

    private final RawRepl repl;
    private final TransferTuning tuning;

    public DeviceFileSystem(RawRepl repl, TransferTuning tuning) {
        this.repl = repl;
        this.tuning = tuning;
    }

    public DeviceFileSystem(RawRepl repl) {
        this(repl, TransferTuning.standard());
    }

    /** sha256 (hex) of each path, empty for a path that does not exist; one exec for all of them. */
    public Map<String, Optional<String>> sha256(List<String> paths) {
        StringBuilder code = new StringBuilder(HASH_FN).append("for i,p in enumerate([");
        for (String p : paths) {
            code.append(str(p)).append(',');
        }
        code.append("]):\n print(i,_pt_h(p))\n");
        String out = repl.exec(code.toString(), "hashing the files on the board");
        Map<String, Optional<String>> result = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            String[] parts = line.trim().split(" ");
            if (parts.length == 2) {
                String p = paths.get(Integer.parseInt(parts[0]));
                result.put(p, parts[1].equals("-") ? Optional.empty() : Optional.of(parts[1]));
            }
        }
        if (result.size() != paths.size()) {
            throw new DeviceException("the board's answer to the hash request was incomplete",
                    "run `picotool device reset` and try again");
        }
        return result;
    }

    public Optional<String> sha256(String path) {
        return sha256(List.of(path)).get(path);
    }

    public byte[] read(String path) {
        String out = repl.exec("import binascii\nf=open(" + str(path) + ",'rb')\nwhile 1:\n b=f.read(" + READ_BLOCK
                + ")\n if not b:break\n print(binascii.b2a_base64(b).decode(),end='')\nf.close()\n",
                "reading " + path);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                content.writeBytes(Base64.getDecoder().decode(line.trim()));
            }
        }
        return content.toByteArray();
    }

    public List<FileEntry> list(String dir) {
        // Sizes come from os.stat: ilistdir's 4th field is optional (the posix VFS leaves it out).
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        String out = repl.exec("import os\nfor e in os.ilistdir(" + str(dir) + "):\n print(e[1],0 if e[1]&0x4000 "
                + "else os.stat(" + str(prefix) + "+e[0])[6],e[0])\n", "listing " + dir);
        List<FileEntry> entries = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] parts = line.split(" ", 3);
            if (parts.length == 3) {
                entries.add(new FileEntry(parts[2], (Integer.parseInt(parts[0]) & 0x4000) != 0,
                        Long.parseLong(parts[1])));
            }
        }
        return entries;
    }

    public boolean exists(String path) {
        return repl.exec("import os\ntry:\n os.stat(" + str(path) + ");print(1)\nexcept OSError:\n print(0)\n",
                "checking " + path).trim().equals("1");
    }

    public void mkdir(String path) {
        repl.exec("import os\nos.mkdir(" + str(path) + ")\n", "creating directory " + path);
    }

    public void remove(String path) {
        repl.exec("import os\nos.remove(" + str(path) + ")\n", "removing " + path);
    }

    public void rename(String from, String to) {
        repl.exec("import os\nos.rename(" + str(from) + "," + str(to) + ")\n", "renaming " + from);
    }

    public FreeSpace freeSpace() {
        String[] p = repl.exec("import os\ns=os.statvfs('/')\nprint(s[0],s[2],s[4])\n", "reading the free space")
                .trim().split(" ");
        return new FreeSpace(Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2]));
    }

    /** Removes leftovers of an interrupted write ({@code name.tmp}) for these files; missing ones are fine. */
    public void removeLeftovers(List<String> paths) {
        StringBuilder code = new StringBuilder("import os\nfor p in [");
        for (String p : paths) {
            code.append(str(p + TMP_SUFFIX)).append(',');
        }
        code.append("]:\n try:\n  os.remove(p)\n except OSError:\n  pass\n");
        repl.exec(code.toString(), "removing leftovers of an earlier flash");
    }

    /**
     * Writes {@code content} to {@code path} atomically (tmp, verify on the board, rename). {@code progress} gets
     * the number of bytes that reached the board so far.
     */
    public void write(String path, byte[] content, LongConsumer progress) {
        String tmp = path + TMP_SUFFIX;
        String expected = dev.picotool.render.DeviceFile.sha256(content);
        StringBuilder code = new StringBuilder("import binascii,os\nf=open(" + str(tmp) + ",'wb')\nw=f.write\n"
                + "d=binascii.a2b_base64\n");
        int off = 0;
        try {
            do {
                for (int line = 0; line < tuning.linesPerExec() && off < content.length; line++) {
                    int n = Math.min(tuning.lineBytes(), content.length - off);
                    code.append("w(d(b'").append(Base64.getEncoder().encodeToString(
                            java.util.Arrays.copyOfRange(content, off, off + n))).append("'))\n");
                    off += n;
                }
                if (off >= content.length) {
                    code.append(finish(tmp, path, expected));
                }
                repl.exec(code.toString(), "writing " + path);
                progress.accept(off);
                code.setLength(0);
            } while (off < content.length);
        } catch (DeviceExecException e) {
            cleanUp(tmp);
            throw e;
        }
    }

    /** Close, compare the checksum computed by the board, then replace the target in one step. */
    private static String finish(String tmp, String path, String expected) {
        return "f.close()\n" + HASH_FN + "if _pt_h(" + str(tmp) + ")!=" + str(expected) + ":\n os.remove(" + str(tmp)
                + ")\n raise ValueError('picotool: checksum mismatch after writing')\n"
                // LittleFS (the Pico's filesystem) replaces an existing target in rename; a filesystem that
                // refuses gets remove+rename, which loses atomicity only there.
                + "try:\n os.rename(" + str(tmp) + "," + str(path) + ")\nexcept OSError:\n os.remove(" + str(path)
                + ")\n os.rename(" + str(tmp) + "," + str(path) + ")\n";
    }

    /** Best effort after a failed write on a board that still answers: close and delete the tmp file. */
    private void cleanUp(String tmp) {
        try {
            repl.run("try:\n f.close()\nexcept Exception:\n pass\nimport os\ntry:\n os.remove(" + str(tmp)
                    + ")\nexcept OSError:\n pass\n");
        } catch (DeviceException ignored) {
            // the original failure is what the user needs to see
        }
    }
}
