package vnetsim.verify;

import java.util.List;

/**
 * A step-by-step flow table found in a design document: the hops the author says one packet takes.
 *
 * @param title       the heading above the table ("Virtual Machine 1 to Virtual Machine 3"), used to name findings
 * @param headingLine 1-based line of that heading, or 0 when the table has none
 * @param from        the endpoint the flow starts at (heading "X to Y", else the rows' Source column), or null
 * @param to          the endpoint the flow is addressed to, or null
 * @param columns     the flow columns the header names, left to right
 * @param rows        the body rows in document order
 */
public record FlowTable(String title, int headingLine, String from, String to, List<Column> columns,
                        List<FlowRow> rows) {

    /**
     * Keeps immutable copies of the columns and rows.
     *
     * @param title       the heading above the table ("Virtual Machine 1 to Virtual Machine 3"), used to name findings
     * @param headingLine 1-based line of that heading, or 0 when the table has none
     * @param from        the endpoint the flow starts at (heading "X to Y", else the rows' Source column), or null
     * @param to          the endpoint the flow is addressed to, or null
     * @param columns     the flow columns the header names, left to right
     * @param rows        the body rows in document order
     */
    public FlowTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

}
