/**
 * Policies: versioned rule files and parameters in layers (district, grade band, school), compiled into KieBases,
 * cached by version and swapped atomically. Compile problems come back as (file, line, column, message).
 */
package dev.pathwise.engine.policy;
