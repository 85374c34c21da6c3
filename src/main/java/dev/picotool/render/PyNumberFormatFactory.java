package dev.picotool.render;

import freemarker.core.Environment;
import freemarker.core.TemplateNumberFormat;
import freemarker.core.TemplateNumberFormatFactory;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import java.util.Locale;

/** The {@code @py} number format: numbers render as Python literals, never with locale grouping like 1,883. */
final class PyNumberFormatFactory extends TemplateNumberFormatFactory {
    static final PyNumberFormatFactory INSTANCE = new PyNumberFormatFactory();

    private PyNumberFormatFactory() {
    }

    @Override
    public TemplateNumberFormat get(String params, Locale locale, Environment env) {
        return new TemplateNumberFormat() {
            @Override
            public Object format(TemplateNumberModel number) throws TemplateModelException {
                return PythonOutputFormat.INSTANCE.fromMarkup(PyLiteral.number(number.getAsNumber()));
            }

            @Override
            public String formatToPlainText(TemplateNumberModel number) throws TemplateModelException {
                return PyLiteral.number(number.getAsNumber());
            }

            @Override
            public boolean isLocaleBound() {
                return false;
            }

            @Override
            public String getDescription() {
                return "Python number literal";
            }
        };
    }
}
