/**
 * vnetsim's built-in networks, network folders, design-document verification and the {@code vnetsim} command.
 *
 * <p>What a library user calls is exported: {@link vnetsim.scenario} (the built-in networks as
 * {@link vnetsim.scenario.Scenario}s, and {@link vnetsim.scenario.Scenarios#network(String)} for any network by
 * name or network-folder path, with every problem in a folder located by file and line) and
 * {@link vnetsim.verify} (a design document's flow tables checked, and fixed, against the simulation). Network
 * folders' readers and compiler, the drawing, the intents file and the command line are internal: they change
 * with the file formats and the CLI, not with the API. The {@code vnetsim} command itself runs from the class
 * path ({@code java -jar vnetsim.jar}).
 */
module vnetsim.scenarios {
    requires transitive vnetsim.core;
    requires info.picocli;
    requires me.tongfei.progressbar;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;
    requires org.eclipse.elk.core;
    requires org.eclipse.elk.graph;
    requires org.eclipse.elk.alg.layered;
    requires java.xml;

    exports vnetsim.scenario;
    exports vnetsim.verify;

    // picocli sets the commands' @Option and @Parameters fields and calls their methods by reflection
    opens vnetsim.cli to info.picocli;
}
