/**
 * What every HTTP answer of the application carries, whichever page, resource or error produced it: the
 * security headers, the attributes of its cookies, and the status of the error pages. What an answer
 * says is left to the console and the API.
 */
package org.mirrorwatch.web;
