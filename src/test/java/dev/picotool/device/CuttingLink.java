package dev.picotool.device;

import java.time.Duration;
import java.util.Arrays;

/** A link that is cut on request, as an unplugged cable or a second client taking over the port would cut it. */
final class CuttingLink implements SerialLink {
    private final SerialLink link;
    private long cutAfter = -1;
    private long cutAfterAnswer = -1;
    private long written;
    private boolean cut;

    CuttingLink(SerialLink link) {
        this.link = link;
    }

    /** The link goes once {@code bytes} more bytes went out (the board gets exactly those); 0 = at once. */
    void cutAfter(long bytes) {
        cutAfter = written + bytes;
        if (bytes == 0) {
            cut();
        }
    }

    /**
     * The link goes once {@code bytes} more bytes went out and the board acknowledged them (its next \x04): the
     * board has the whole exec and runs it, we never see its result.
     */
    void cutAfterAcknowledged(long bytes) {
        cutAfterAnswer = written + bytes;
    }

    boolean isCut() {
        return cut;
    }

    @Override
    public void write(byte[] data) {
        if (cut) {
            throw new BoardDisconnectedException(description());
        }
        if (cutAfter >= 0 && written + data.length >= cutAfter) {
            int n = (int) (cutAfter - written);
            link.write(Arrays.copyOf(data, n));
            written += n;
            cut();
            throw new BoardDisconnectedException(description());
        }
        link.write(data);
        written += data.length;
    }

    @Override
    public byte[] read(Duration timeout) {
        if (cut) {
            throw new BoardDisconnectedException(description());
        }
        byte[] got = link.read(timeout);
        if (cutAfterAnswer >= 0 && written >= cutAfterAnswer) {
            for (int i = 0; i < got.length; i++) {
                if (got[i] == ReplBytes.EOT) {
                    cut();
                    return Arrays.copyOf(got, i + 1);
                }
            }
        }
        return got;
    }

    private void cut() {
        cut = true;
        link.close();
    }

    @Override
    public String description() {
        return link.description();
    }

    @Override
    public void close() {
        link.close();
    }
}
