package dev.likelihood.processor.model;

import dev.likelihood.Link;

/**
 * How one family parameter is given by a record.
 *
 * @param parameter the family's parameter
 * @param source how its value is given
 * @param link the resolved link, for {@link Source#PARAM}; else null
 * @param component the component giving it, for PARAM and KNOWN; else null
 * @param value the value, for CONSTANT and DEFAULT; else NaN
 */
public record ParameterBinding(
    FamilyParameter parameter, Source source, Link link, Component component, double value) {}
