package dev.picotool.device;

import static dev.picotool.render.PyLiteral.str;

import dev.picotool.render.DeviceFile;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The board's filesystem through the raw REPL. Contents travel base64-encoded as bytes literals ({@code b'...'}:
 * the C binascii of rp2 also takes str, but micropython-lib's pure-Python binascii only takes bytes). Hashing runs on
 * the board, so unchanged files never cross the wire. Paths go to the board as {@code PyLiteral.str} literals and
 * come back as {@code repr()} literals read by {@link PyLiteralReader}, so any name survives the trip; nothing the
 * board prints is ever split on spaces.
 */
public final class DeviceFileSystem {
    /** What a single-file {@link #write} stages its content as; the same suffix a flash uses for its whole set. */
    static final String TMP_SUFFIX = UpdateJournal.STAGED_SUFFIX;
    private static final int READ_BLOCK = 768;
    private static final String HASHING = "hashing the files on the board";
    private static final String FREE_SPACE = "reading the free space";
    /** Prints {@code (block size, blocks, free blocks)} of the root filesystem. */
    static final String FREE_SPACE_CODE = "import os\ns=os.statvfs('/')\nprint(repr((s[0],s[2],s[4])))\n";

    /** sha256 of a file in 512-byte readinto steps (little RAM), or None if it cannot be opened. */
    private static final String HASH_FN = """
            import hashlib,binascii
            def _pt_h(p):
             try:
              f=open(p,'rb')
             except OSError:
              return None
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

    RawRepl repl() {
        return repl;
    }

    /** sha256 (hex) of each path, empty for a path that does not exist; one exec for all of them. */
    public Map<String, Optional<String>> sha256(List<String> paths) {
        return parseHashes(repl.exec(hashCode(paths), HASHING), paths);
    }

    /** Prints {@code (index, sha256 or None)} for each path. */
    static String hashCode(List<String> paths) {
        StringBuilder code = new StringBuilder(HASH_FN).append("for i,p in enumerate([");
        for (String p : paths) {
            code.append(str(p)).append(',');
        }
        return code.append("]):\n print(repr((i,_pt_h(p))))\n").toString();
    }

    static Map<String, Optional<String>> parseHashes(String out, List<String> paths) {
        Map<String, Optional<String>> result = new LinkedHashMap<>();
        for (List<Object> row : BoardAnswer.rows(out, HASHING)) {
            int index = BoardAnswer.integer(row, 0, HASHING).intValue();
            Object hash = row.size() == 2 ? row.get(1) : null;
            if (index < 0 || index >= paths.size() || hash != null && !(hash instanceof String)) {
                throw BoardAnswer.unreadable(HASHING, "an entry does not match the request");
            }
            result.put(paths.get(index), Optional.ofNullable((String) hash));
        }
        if (result.size() != paths.size()) {
            throw BoardAnswer.unreadable(HASHING, "it is incomplete");
        }
        return result;
    }

    public Optional<String> sha256(String path) {
        return sha256(List.of(path)).get(path);
    }

    public byte[] read(String path) {
        String out = repl.exec("import binascii\nf=open(" + str(path) + ",'rb')\nwhile 1:\n b=f.read(" + READ_BLOCK
                + ")\n if not b:break\n print(binascii.b2a_base64(b).decode(),end='')\nf.close()\n",
                "reading " + FileNames.display(path));
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        try {
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    content.writeBytes(Base64.getDecoder().decode(line.trim()));
                }
            }
        } catch (IllegalArgumentException e) {
            throw BoardAnswer.unreadable("reading " + FileNames.display(path), "it is not base64");
        }
        return content.toByteArray();
    }

    /** The contents of several files in one exec (a flash's backups), by path, in the order asked. */
    Map<String, byte[]> readAll(List<String> paths) {
        StringBuilder code = new StringBuilder("import binascii\nfor i,p in enumerate([");
        for (String p : paths) {
            code.append(str(p)).append(',');
        }
        code.append("]):\n f=open(p,'rb')\n while 1:\n  b=f.read(").append(READ_BLOCK).append(")\n  if not b:break\n"
                + "  print(repr((i,binascii.b2a_base64(b).decode())))\n f.close()\n");
        String purpose = "reading the files to back up";
        List<ByteArrayOutputStream> contents = new ArrayList<>();
        paths.forEach(p -> contents.add(new ByteArrayOutputStream()));
        try {
            for (List<Object> row : BoardAnswer.rows(repl.exec(code.toString(), purpose), purpose)) {
                int index = BoardAnswer.integer(row, 0, purpose).intValue();
                if (index < 0 || index >= paths.size() || row.size() != 2 || !(row.get(1) instanceof String b64)) {
                    throw BoardAnswer.unreadable(purpose, "an entry does not match the request");
                }
                contents.get(index).writeBytes(Base64.getDecoder().decode(b64.strip()));
            }
        } catch (IllegalArgumentException e) {
            throw BoardAnswer.unreadable(purpose, "it is not base64");
        }
        Map<String, byte[]> result = new LinkedHashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            result.put(paths.get(i), contents.get(i).toByteArray());
        }
        return result;
    }

    /** The entries of a directory, names exactly as the board has them. */
    public List<FileEntry> list(String dir) {
        return parseList(repl.exec(listCode(dir), listing(dir)), dir);
    }

    private static String listing(String dir) {
        return "listing " + FileNames.display(dir);
    }

    /** Prints {@code (name, type, size)} for each entry of {@code dir}. */
    static String listCode(String dir) {
        // Sizes come from os.stat: ilistdir's 4th field is optional (the posix VFS leaves it out).
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        return "import os\nfor e in os.ilistdir(" + str(dir) + "):\n print(repr((e[0],e[1],0 if e[1]&0x4000 else "
                + "os.stat(" + str(prefix) + "+e[0])[6])))\n";
    }

    static List<FileEntry> parseList(String out, String dir) {
        String purpose = listing(dir);
        List<FileEntry> entries = new ArrayList<>();
        for (List<Object> row : BoardAnswer.rows(out, purpose)) {
            if (row.size() != 3 || !(row.get(0) instanceof String name)) {
                throw BoardAnswer.unreadable(purpose, "an entry is not (name, type, size)");
            }
            long type = BoardAnswer.integer(row, 1, purpose);
            entries.add(new FileEntry(name, (type & 0x4000) != 0, BoardAnswer.integer(row, 2, purpose)));
        }
        return entries;
    }

    public boolean exists(String path) {
        return repl.exec("import os\ntry:\n os.stat(" + str(path) + ");print(1)\nexcept OSError:\n print(0)\n",
                "checking " + FileNames.display(path)).trim().equals("1");
    }

    public void mkdir(String path) {
        repl.exec("import os\nos.mkdir(" + str(path) + ")\n", "creating directory " + FileNames.display(path));
    }

    public void remove(String path) {
        repl.exec("import os\nos.remove(" + str(path) + ")\n", "removing " + FileNames.display(path));
    }

    public void rename(String from, String to) {
        repl.exec("import os\nos.rename(" + str(from) + "," + str(to) + ")\n", "renaming " + FileNames.display(from));
    }

    /** Removes each path that exists; missing ones are fine. */
    void removeIfPresent(List<String> paths, String purpose) {
        StringBuilder code = new StringBuilder("import os\nfor p in [");
        for (String p : paths) {
            code.append(str(p)).append(',');
        }
        code.append("]:\n try:\n  os.remove(p)\n except OSError:\n  pass\n");
        repl.exec(code.toString(), purpose);
    }

    public FreeSpace freeSpace() {
        return parseFreeSpace(repl.exec(FREE_SPACE_CODE, FREE_SPACE));
    }

    static FreeSpace parseFreeSpace(String out) {
        List<List<Object>> rows = BoardAnswer.rows(out, FREE_SPACE);
        if (rows.size() != 1 || rows.get(0).size() != 3) {
            throw BoardAnswer.unreadable(FREE_SPACE, "it is not (block size, blocks, free blocks)");
        }
        List<Object> r = rows.get(0);
        return new FreeSpace(BoardAnswer.integer(r, 0, FREE_SPACE), BoardAnswer.integer(r, 1, FREE_SPACE),
                BoardAnswer.integer(r, 2, FREE_SPACE));
    }

    /**
     * Writes {@code content} to {@code path} atomically: staged next to it, checked by sha256 on the board, then
     * renamed over it (LittleFS replaces the target in one step). {@code progress} gets the bytes sent so far.
     */
    public void write(String path, byte[] content, LongConsumer progress) {
        String tmp = path + TMP_SUFFIX;
        stage(tmp, content, progress);
        String expected = DeviceFile.sha256(content);
        repl.exec(HASH_FN + "import os\nif _pt_h(" + str(tmp) + ")!=" + str(expected) + ":\n os.remove(" + str(tmp)
                + ")\n raise ValueError('picotool: checksum mismatch after writing')\nos.rename(" + str(tmp) + ","
                + str(path) + ")\n", "writing " + FileNames.display(path));
    }

    /**
     * Writes {@code content} to {@code staged} in exec-sized chunks (no verification: the caller hashes what it
     * staged). A failed chunk deletes the partial file while the board still answers.
     */
    void stage(String staged, byte[] content, LongConsumer progress) {
        StringBuilder code = new StringBuilder("import binascii\nf=open(" + str(staged) + ",'wb')\nw=f.write\n"
                + "d=binascii.a2b_base64\n");
        int off = 0;
        try {
            do {
                for (int line = 0; line < tuning.linesPerExec() && off < content.length; line++) {
                    int n = Math.min(tuning.lineBytes(), content.length - off);
                    code.append("w(d(b'").append(Base64.getEncoder().encodeToString(
                            Arrays.copyOfRange(content, off, off + n))).append("'))\n");
                    off += n;
                }
                if (off >= content.length) {
                    code.append("f.close()\n");
                }
                repl.exec(code.toString(), "writing " + FileNames.display(staged));
                progress.accept(off);
                code.setLength(0);
            } while (off < content.length);
        } catch (DeviceExecException e) {
            cleanUp(staged);
            throw e;
        }
    }

    /** Best effort after a failed write on a board that still answers: close and delete the staged file. */
    private void cleanUp(String staged) {
        try {
            repl.run("try:\n f.close()\nexcept Exception:\n pass\nimport os\ntry:\n os.remove(" + str(staged)
                    + ")\nexcept OSError:\n pass\n");
        } catch (RuntimeException ignored) {
            // the original failure is what the user needs to see
        }
    }
}
