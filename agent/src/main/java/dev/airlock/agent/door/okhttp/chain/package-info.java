/**
 * The OkHttp door's classes that implement the application's own {@code okhttp3} types. They are
 * never loaded by the agent's class loader: a {@link dev.airlock.agent.door.DoorClassLoader} defines
 * them beside each copy of OkHttp the application has, so they link against that copy (OkHttp 3, 4
 * or 5; the API used here is common to all three).
 */
package dev.airlock.agent.door.okhttp.chain;
