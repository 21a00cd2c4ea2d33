package dev.likelihood.processor.model;

/**
 * An annotated record component.
 *
 * @param name the component's name, which is also its accessor's
 * @param role what it is to the likelihood
 * @param type its Java type
 * @param parameter the family parameter it gives, for {@code @Param} and {@code @Known}; else null
 */
public record Component(String name, Role role, ValueType type, String parameter) {}
