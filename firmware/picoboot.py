# picoboot.py - picotool's boot helper: finishes an interrupted firmware update before anything else is imported.
#
# How picotool replaces the firmware (all or nothing):
# 1. it writes every changed file next to its target as NAME.picotool.tmp and checks its sha256 on the board;
# 2. commit(): it writes the journal picotool-update.json, the list of [staged, final] pairs, through a
#    temporary file renamed over it; that rename is the commit point;
# 3. it renames every staged file over its target (this file first, main.py second) and deletes the journal.
# Each rename is idempotent, so finish_update() at the next boot, or picotool's next connection, completes a
# switch that lost power half-way. Before the commit point the old files are untouched and the staged ones
# are leftovers, which finish_update() deletes.
#
# main.py starts with:
#     import picoboot
#     picoboot.finish_update()
# finish_update() is a stable entry point (an older main.py may call it on a newer picoboot.py), and it never
# raises except KeyboardInterrupt, so the firmware always starts and a host tool can still stop the board.
import os

JOURNAL = 'picotool-update.json'
STAGED = '.picotool.tmp'
_DIR = 0x4000


def _exists(path):
    try:
        os.stat(path)
        return True
    except OSError:
        return False


def _replace(staged, final):
    try:
        os.rename(staged, final)
    except OSError:
        if not _exists(final):
            raise
        # LittleFS replaces the target in one step; a filesystem that refuses to (FAT) gets remove + rename.
        # A cut between the two leaves the staged file, which the next run renames.
        os.remove(final)
        os.rename(staged, final)


def _switch():
    import json
    try:
        with open(JOURNAL) as f:
            pairs = json.load(f)
    except ValueError:
        # Written whole through a rename, so unreadable only if the flash itself failed: nothing in it can be
        # trusted. Drop it; its staged files go as leftovers, and the next flash rewrites whatever differs.
        os.remove(JOURNAL)
        raise
    done = 0
    for staged, final in pairs:
        if _exists(staged):
            _replace(staged, final)
            done += 1
    os.remove(JOURNAL)
    return done


def remove_leftovers(folder=''):
    """Deletes the staged files of an update that never reached its commit point; returns how many."""
    n = 0
    try:
        entries = list(os.ilistdir(folder) if folder else os.ilistdir())
    except OSError:
        return 0                      # no such folder: nothing was staged there
    for entry in entries:
        name = entry[0]
        if name.endswith(STAGED) and not entry[1] & _DIR:
            os.remove(folder.rstrip('/') + '/' + name if folder else name)
            n += 1
    return n


def recover(folders=('',)):
    """Completes a committed switch, then deletes leftovers. Returns (files switched, or -1 without a journal,
    or -2 for an unreadable one, which is dropped; leftovers removed)."""
    switched = -1
    if _exists(JOURNAL):
        try:
            switched = _switch()
        except ValueError:
            switched = -2
    removed = 0
    for folder in folders:
        removed += remove_leftovers(folder)
    return switched, removed


def commit(pairs):
    """Commits an update whose staged files are all verified, then switches them; returns how many."""
    import json
    tmp = JOURNAL + STAGED
    with open(tmp, 'w') as f:
        json.dump(pairs, f)
    os.rename(tmp, JOURNAL)
    return _switch()


def finish_update():
    try:
        switched, removed = recover()
        if switched >= 0:
            print('[picotool] completed an interrupted firmware update (%d files switched)' % switched)
        elif switched == -2:
            print('[picotool] FAILED: the journal of an interrupted firmware update was unreadable and was removed. '
                  'Fix: flash the firmware again')
    except Exception as e:
        print('[picotool] FAILED: could not complete an interrupted firmware update (%s: %s). '
              'Fix: flash the firmware again' % (type(e).__name__, e))
