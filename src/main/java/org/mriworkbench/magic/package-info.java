/**
 * IJava's dependency and class-path magics for notebook cells: {@code %maven}, {@code %mavenRepo},
 * {@code %loadFromPOM} / {@code %%loadFromPOM} ({@link org.mriworkbench.magic.MavenMagics}), and {@code %jars} /
 * {@code %classpath} ({@link org.mriworkbench.magic.ClasspathMagics}).
 *
 * <p>Its own room because it answers a different question from the kernel: not how a cell is evaluated, but which
 * jars a cell may add and whether they clash with the workbench's own. It needs Maven's resolver and the class path,
 * never JShell or the wire protocol, so it sits just below {@code kernel}, which calls it; nothing here refers back
 * to the kernel, and the magics can be tested without starting a JShell session.
 */
package org.mriworkbench.magic;
