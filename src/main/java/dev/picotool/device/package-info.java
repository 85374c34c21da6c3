/**
 * Talking to a board over its serial port: the raw REPL ({@link dev.picotool.device.RawRepl}), its filesystem
 * ({@link dev.picotool.device.DeviceFileSystem}) and the flash ({@link dev.picotool.device.Flasher}).
 *
 * <h2>What a flash guarantees</h2>
 * The set of files a flash writes is replaced all or nothing; files it does not write are never touched.
 * <ol>
 * <li><b>Staging</b>: every changed file goes next to its old version as {@code NAME.picotool.tmp}; the old files
 * are untouched. The files travel as raw blocks to a receiver started once for the whole set
 * ({@link dev.picotool.device.BlockReceiver}: hashed as they are written, Ctrl-C disabled meanwhile and given back by
 * a timer if the host goes away), or with execs on a board that cannot run it.</li>
 * <li><b>Verifying</b>: the sha256 of every staged file (and of every unchanged one) is computed on the board and
 * compared.</li>
 * <li><b>Switching</b>: one exec, with Ctrl-C disabled on the board so a second client taking over the port cannot
 * stop it half-way, writes the journal {@code picotool-update.json} (through a temporary file renamed over it: the
 * commit point), renames every staged file over its target ({@code picoboot.py} first, {@code main.py} second, then
 * the others; each rename is idempotent) and deletes the journal.</li>
 * <li><b>Restarting</b>: a soft reset from the friendly prompt runs the new main.py.</li>
 * </ol>
 * Cut anywhere (the link, the board's power, Ctrl-C, another client) before the commit point, the board keeps its
 * old files, and the next flash deletes the staged ones before it checks the free space. Cut after it, the switch is
 * completed by whichever comes first: the board's next start (main.py begins with {@code import picoboot} /
 * {@code picoboot.finish_update()}, firmware/picoboot.py, before anything else is imported), or the first step of the
 * next flash. A board whose old main.py does not call picoboot keeps running its old set, whose files are unchanged,
 * until the next flash completes the switch. The board never holds a mix of old and new files that it runs.
 *
 * <p>Before it writes anything, a flash stops the board's program and disarms a hardware watchdog the firmware
 * started ({@link dev.picotool.device.BoardTakeover}), so the board cannot reset in the middle. After a failure while
 * the board still answers, it completes or removes what it left and restarts main.py; Ctrl-C and SIGTERM
 * ({@link dev.picotool.device.Cancellation}) stop it at the next safe point, never between commit and switch.
 */
package dev.picotool.device;
