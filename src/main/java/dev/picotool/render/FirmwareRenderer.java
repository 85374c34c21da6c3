package dev.picotool.render;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.config.PicoConfig;
import dev.picotool.config.MqttSettings;
import dev.picotool.config.SensorSettings;
import dev.picotool.config.SensorType;
import freemarker.cache.ClassTemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders the device files: the static firmware in firmware/ (copied byte for byte) and the FreeMarker templates in
 * templates/ (settings.py holds every config value, main.py starts app.py), both read from the classpath so the jar
 * ships exactly what was tested. Not final: a test renders a firmware with a bug in it, to see picotool test catch it.
 */
public class FirmwareRenderer {
    /**
     * Static files, libraries before the app. The optional modules (TLS, Home Assistant, health report, status LED,
     * MQTT failure texts) ship
     * with every configuration: the board imports them only when settings.py turns them on or a failure needs
     * them, so they cost flash, not RAM, and the flashed file set stays the same when a setting changes. DHT22.py
     * ships only with a DHT sensor, as before. picoboot.py (first) completes an interrupted update at boot.
     */
    private static final List<String> LIBRARIES = List.of("picoboot.py", "wifi.py", "mqttpacket.py", "picomqtt.py",
            "mqtterrors.py", "tlscontext.py", "hadiscovery.py", "diagnostics.py", "statusled.py");
    private static final String SENSOR_LIBRARY = "DHT22.py";
    private static final String APP = "app.py";
    private static final List<String> TEMPLATES = List.of("settings.py", "main.py");

    private final Configuration freemarker;
    private final String version;

    public FirmwareRenderer(String version) {
        this.version = version;
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(new ClassTemplateLoader(FirmwareRenderer.class, "/templates"));
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setRegisteredCustomOutputFormats(List.of(PythonOutputFormat.INSTANCE));
        cfg.setOutputFormat(PythonOutputFormat.INSTANCE);
        cfg.setAutoEscapingPolicy(Configuration.ENABLE_IF_DEFAULT_AUTO_ESCAPING_POLICY);
        cfg.setCustomNumberFormats(Map.of("py", PyNumberFormatFactory.INSTANCE));
        cfg.setNumberFormat("@py");
        cfg.setObjectWrapper(PyFunction.wrapper());
        cfg.setSharedVariable("py", new PyFunction());
        this.freemarker = cfg;
    }

    public FirmwareBundle render(PicoConfig config) {
        Map<String, Object> model = FirmwareModel.of(config, version);
        List<DeviceFile> files = new ArrayList<>();
        for (String lib : LIBRARIES) {
            files.add(new DeviceFile(lib, resource("/firmware/" + lib)));
        }
        if (config.get(SensorSettings.TYPE) != SensorType.NONE) {
            files.add(new DeviceFile(SENSOR_LIBRARY, resource("/firmware/" + SENSOR_LIBRARY)));
        }
        files.add(new DeviceFile(APP, resource("/firmware/" + APP)));
        config.find(MqttSettings.CA_FILE).ifPresent(ca -> files.add(new DeviceFile(MqttSettings.CA_ON_BOARD,
                ca.der())));
        for (String name : TEMPLATES) {
            files.add(DeviceFile.text(name, renderTemplate(name + ".ftl", model)));
        }
        return new FirmwareBundle(files);
    }

    private String renderTemplate(String name, Map<String, Object> model) {
        try {
            Template t = freemarker.getTemplate(name);
            StringWriter out = new StringWriter();
            t.process(model, out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            // A template error is our bug, not the user's: say which template, never the values.
            throw new PicoToolException(ExitCode.INTERNAL, "template " + name + " failed to render: "
                    + firstLine(rootCause(e).getMessage()), "this is a picotool bug; please report it", e);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = FirmwareRenderer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new PicoToolException(ExitCode.INTERNAL, path + " is missing from picotool",
                        "rebuild picotool (tool/picotool rebuilds it when sources change)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }
}
