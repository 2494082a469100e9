package org.mriworkbench.experiment;

/**
 * One field that differs between two records, by dotted path ({@code model.blockFilters}, {@code libraries.dl4j}).
 *
 * @param field dotted path of the field
 * @param left  value in the first record, as text ({@code <absent>} when only the other has it)
 * @param right value in the second record
 */
public record FieldDifference(String field, String left, String right) {

    @Override
    public String toString() {
        return field + ": " + left + " -> " + right;
    }
}
