package dev.picotool.device;

/** The board filesystem's size and free space (from os.statvfs), in bytes and in blocks. */
record FreeSpace(long blockSize, long totalBlocks, long freeBlocks) {
    public long freeBytes() {
        return blockSize * freeBlocks;
    }

    public long totalBytes() {
        return blockSize * totalBlocks;
    }

    /** Blocks a file of {@code bytes} occupies, plus one for its metadata (LittleFS keeps it per file). */
    public long blocksFor(long bytes) {
        return (bytes + blockSize - 1) / blockSize + 1;
    }
}
