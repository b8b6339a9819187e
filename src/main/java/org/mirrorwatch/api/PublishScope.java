package org.mirrorwatch.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the resources that an API token of the scope PUBLISH may call, the publisher's imports. Every
 * other resource refuses such a token ({@link TokenScopes}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PublishScope {
}
