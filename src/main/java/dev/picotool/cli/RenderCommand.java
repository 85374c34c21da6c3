package dev.picotool.cli;

import dev.picotool.TerminalText;
import dev.picotool.render.DeviceFile;
import dev.picotool.render.FirmwareBundle;
import dev.picotool.render.OutputDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code picotool render --out DIR}: write the device files locally (owner-only: settings.py holds passwords). */
@Command(name = "render", description = "Write the firmware files to a directory (readable by you only).")
final class RenderCommand implements Callable<Integer> {
    @ParentCommand
    PicoTool root;

    @Mixin
    SettingsOptions settings;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Where to write the files.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Services s = root.services();
        FirmwareBundle bundle = s.renderer().render(settings.load(s.validator(), s.configFiles()));
        PrintWriter w = spec.commandLine().getOut();
        List<Path> written = OutputDirectory.write(out, bundle);
        for (int i = 0; i < written.size(); i++) {
            DeviceFile f = bundle.files().get(i);
            w.printf("%-32s %7d bytes  sha256 %s%n", TerminalText.escape(written.get(i).toString()), f.size(),
                    f.sha256());
        }
        w.printf("%d files, %d bytes. Put them on the board with `picotool flash` (same settings).%n",
                bundle.files().size(), bundle.totalBytes());
        return 0;
    }
}
