package dev.picotool.config;

/** How a setting's text becomes a value: the one conversion for flags and files alike. */
@FunctionalInterface
interface ValueType<T> {
    /** The value for this text, or {@link Invalid} saying what is wrong and how to write it. */
    T parse(String text, ValidationContext context) throws Invalid;
}
