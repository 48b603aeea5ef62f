package io.stylegraph.api.problem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.micronaut.aop.Around;

/**
 * On a controller: every string argument of its routes (path variables, query values, headers, multipart text parts)
 * is held to {@link InputRules} before the method runs. Bodies read from JSON are screened by {@link StrictJson}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Around
public @interface ScreenedInput {
}
