package dev.picotool.render;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;

/**
 * FreeMarker output format for Python source: auto-escaping a string produces a complete Python literal, quotes
 * included, so {@code WIFI_SSID = ${wifi.ssid}} is safe even when a template author forgets to quote.
 * (FreeMarker's own ?js_string / ?json_string emit escapes Python reads differently, e.g. {@code \/}.)
 */
final class PythonOutputFormat extends CommonMarkupOutputFormat<PythonOutputFormat.Model> {
    public static final PythonOutputFormat INSTANCE = new PythonOutputFormat();

    private PythonOutputFormat() {
    }

    @Override
    public String getName() {
        return "Python";
    }

    @Override
    public String getMimeType() {
        return "text/x-python";
    }

    @Override
    public void output(String textToEsc, Writer out) throws IOException {
        out.write(escapePlainText(textToEsc));
    }

    @Override
    public String escapePlainText(String plainTextContent) {
        return PyLiteral.str(plainTextContent);
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected Model newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
        return new Model(plainTextContent, markupContent);
    }

    /** Already-rendered Python source (numbers, py(...) results): written as is, never escaped twice. */
    public static final class Model extends CommonTemplateMarkupOutputModel<Model> {
        Model(String plainTextContent, String markupContent) {
            super(plainTextContent, markupContent);
        }

        @Override
        public PythonOutputFormat getOutputFormat() {
            return INSTANCE;
        }
    }
}
