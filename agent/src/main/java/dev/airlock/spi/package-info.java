/**
 * The service-provider interface of agent extensions: types an extension jar (given to the agent
 * with {@code extensions=PATH}) implements and registers with {@link java.util.ServiceLoader}. JDK
 * types only, and never relocated by shading, so one extension jar works with any agent build of
 * the same SPI.
 */
package dev.airlock.spi;
