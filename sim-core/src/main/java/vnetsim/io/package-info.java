/**
 * Reading what people write, boundedly: {@link vnetsim.io.TextFiles} reads a document or configuration file as
 * UTF-8 whatever the locale, refuses directories, binary data and files over a size limit with a message that
 * names the file, what is wrong and what to do, and never reads more than the limit (so {@code /dev/zero} or a FIFO
 * cannot exhaust memory). Importers use it with {@link vnetsim.io.TextFiles#CONFIG_LIMIT} and keep YAML nesting
 * under {@link vnetsim.io.TextFiles#YAML_NESTING_LIMIT}.
 */
package vnetsim.io;
