/**
 * Random match instances from a seed, for the {@code match generate} command, the benchmarks and
 * the engine's tests.
 */
package org.residencymatch.engine.generate;
