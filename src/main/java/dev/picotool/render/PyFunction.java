package dev.picotool.render;

import freemarker.template.DefaultObjectWrapper;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import java.util.List;

/** {@code ${py(x)}} in templates: any model value (boolean, null, list, map, ...) as a Python literal. */
final class PyFunction implements TemplateMethodModelEx {
    @Override
    public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
        if (arguments.size() != 1) {
            throw new TemplateModelException("py() takes exactly one argument");
        }
        TemplateModel arg = (TemplateModel) arguments.get(0);
        Object value = arg == null ? null : DeepUnwrap.unwrap(arg);
        return PythonOutputFormat.INSTANCE.fromMarkup(PyLiteral.of(value));
    }

    static DefaultObjectWrapper wrapper() {
        return new freemarker.template.DefaultObjectWrapperBuilder(freemarker.template.Configuration.VERSION_2_3_34)
                .build();
    }
}
