package dev.picotool.doctor;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.board.Board;
import dev.picotool.board.BoardCheck;
import dev.picotool.board.Boards;
import dev.picotool.bootsel.BootselDrive;
import dev.picotool.device.DeviceException;
import dev.picotool.device.PortInfo;
import dev.picotool.device.PortNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The serial ports, who may open them, who holds them, the boards behind them, and boards in BOOTSEL mode. */
final class BoardChecks {
    private BoardChecks() {
    }

    static List<Finding> run(DoctorFacts f) {
        List<Finding> out = new ArrayList<>();
        List<PortInfo> ports;
        try {
            ports = PortNames.withoutDialIn(f.ports().get());
        } catch (DeviceException e) {
            out.add(Finding.fail("ports", e.getMessage(), e.hint(), ExitCode.DEVICE));
            return out;
        }
        out.add(ports.isEmpty() ? Finding.warn("ports", "no serial ports found", OsAdvice.noPorts(f.os()))
                : Finding.ok("ports", ports.size() + " serial port" + (ports.size() == 1 ? "" : "s") + ": "
                + ports.stream().map(BoardChecks::describe).collect(Collectors.joining(", "))));
        List<String> boards = f.chosenPort().map(List::of).orElseGet(() -> ports.stream()
                .filter(PortInfo::isMicroPythonPico).map(p -> PortNames.display(p.path())).toList());
        List<BootselDrive> drives = f.drives().get();
        if (boards.isEmpty()) {
            out.add(noBoard(f, drives));
        }
        for (String port : boards) {
            out.addAll(examine(f, port));
        }
        out.add(bootsel(drives, !boards.isEmpty()));
        return out;
    }

    private static String describe(PortInfo p) {
        return PortNames.display(p.path()) + " (" + (p.isMicroPythonPico() ? "USB " + p.usbId() + ", MicroPython"
                : p.usbId().equals("-") ? p.description() : "USB " + p.usbId()) + ")";
    }

    private static Finding noBoard(DoctorFacts f, List<BootselDrive> drives) {
        if (!drives.isEmpty()) {
            BootselDrive d = drives.get(0);
            return Finding.fail("board", "no board running MicroPython, but one is in BOOTSEL mode ("
                    + d.describe() + ")", "install MicroPython on it: " + install(d), ExitCode.DEVICE);
        }
        return Finding.fail("board", "no board running MicroPython found (none with USB id " + Boards.usbIds() + ")",
                OsAdvice.noPorts(f.os()) + ". A board in BOOTSEL mode is a drive named " + Boards.bootselDrives()
                        + " instead: then install MicroPython with `picotool install-micropython --uf2 FILE`. A "
                        + "board running another firmware: pass its port with --port", ExitCode.DEVICE);
    }

    private static String install(BootselDrive d) {
        String file = d.wirelessBoard().map(b -> b.micropythonBoard() + " .uf2 from " + b.firmwareDownload())
                .orElse("MicroPython .uf2 for your board");
        return "download the " + file + ", then `picotool install-micropython --uf2 FILE`";
    }

    /** Permission, other programs, then the board itself (asking it needs the first two to be fine). */
    private static List<Finding> examine(DoctorFacts f, String port) {
        List<Finding> out = new ArrayList<>();
        PortAccess.Verdict access = f.access().check(port);
        if (!access.allowed()) {
            out.add(Finding.fail("permission", "no permission to open " + port + (access.group().isBlank() ? ""
                    : " (owner " + access.owner() + ", group " + access.group() + ", mode " + access.mode() + ")"),
                    OsAdvice.permission(f.os(), access.group(), access.inGroupFile()), ExitCode.DEVICE));
            return out;
        }
        out.add(Finding.ok("permission", "you may open " + port));
        Optional<List<PortHolders.Holder>> holders = f.holders().of(port);
        if (holders.isEmpty()) {
            out.add(Finding.ok("port free", "cannot tell on " + f.os().displayName() + " whether another program has "
                    + port + " open", OsAdvice.findHolder(f.os(), port)));
        } else if (!holders.get().isEmpty()) {
            List<PortHolders.Holder> h = holders.get();
            out.add(Finding.fail("port free", port + " is open in " + h.stream().map(PortHolders.Holder::toString)
                    .collect(Collectors.joining(", ")) + ": picotool and it would steal each other's bytes",
                    OsAdvice.holder(f.os(), h.get(0).name()), ExitCode.DEVICE));
            return out;
        } else {
            out.add(Finding.ok("port free", "no other program has " + port + " open"));
        }
        out.addAll(board(f, port));
        return out;
    }

    private static List<Finding> board(DoctorFacts f, String port) {
        BoardAsker.Answer a;
        try {
            a = f.boards().ask(port);
        } catch (DeviceException e) {
            return List.of(Finding.fail("board", "the board on " + port + " did not answer: " + e.getMessage(),
                    e.hint(), ExitCode.DEVICE));
        }
        List<Finding> out = new ArrayList<>();
        out.add(Finding.ok("board", a.board().summary() + ", on " + port));
        BoardCheck.Verdict verdict;
        try {
            verdict = BoardCheck.detect().check(a.board());
        } catch (PicoToolException refused) {
            out.add(Finding.fail("micropython", refused.getMessage().replace("; nothing was written", ""),
                    refused.hint(), ExitCode.DEVICE));
            return out;
        }
        verdict.warnings().forEach(w -> out.add(Finding.warn("micropython", w, "")));
        out.add(firmware(f, a.firmwareVersion(), verdict.board()));
        return out;
    }

    private static Finding firmware(DoctorFacts f, Optional<String> onBoard, Board board) {
        if (onBoard.isEmpty()) {
            return Finding.warn("firmware", "no picotool firmware on the " + board.name() + " yet", "write the "
                    + "settings (picotool init), then picotool flash");
        }
        if (!onBoard.get().equals(f.picotoolVersion())) {
            return Finding.warn("firmware", "picotool firmware " + onBoard.get() + " on the board; this picotool "
                    + "writes " + f.picotoolVersion(), "picotool flash updates it");
        }
        return Finding.ok("firmware", "picotool firmware " + onBoard.get() + " on the board (the version this "
                + "picotool writes)");
    }

    private static Finding bootsel(List<BootselDrive> drives, boolean boardFound) {
        if (drives.isEmpty()) {
            return Finding.ok("bootsel", "no board in BOOTSEL mode");
        }
        String list = drives.stream().map(BootselDrive::describe).collect(Collectors.joining(", "));
        return boardFound ? Finding.warn("bootsel", "also a board in BOOTSEL mode: " + list, install(drives.get(0)))
                : Finding.warn("bootsel", "a board in BOOTSEL mode: " + list, install(drives.get(0)));
    }
}
