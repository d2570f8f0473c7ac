package vnetsim.network;

import java.util.ArrayList;
import java.util.List;
import vnetsim.device.l3.AclRule;
import vnetsim.device.l3.StaticRoute;

/**
 * A routing firewall: ports, routed interfaces (connected routes), static and default routes, and an ordered
 * ACL (first match decides, default permit).
 *
 * @param name       the router's name
 * @param ports      physical ports
 * @param interfaces routed interfaces on those ports
 * @param routes     static routes; {@code 0.0.0.0/0} is the default route
 * @param acl        ACL rules in order
 */
public record RouterSpec(String name, List<RouterPortSpec> ports, List<RouterInterfaceSpec> interfaces,
                         List<StaticRoute> routes, List<AclRule> acl) {
    /** Copies the lists: the record stays immutable. */
    public RouterSpec {
        ports = List.copyOf(ports);
        interfaces = List.copyOf(interfaces);
        routes = List.copyOf(routes);
        acl = List.copyOf(acl);
    }

    /** The port named {@code portName}; an {@link UnknownNameException} with the closest names otherwise. */
    public RouterPortSpec port(final String portName) {
        return Names.get(ports, portName, RouterPortSpec::name, "port on " + name);
    }

    /** The interface named {@code interfaceName}; an {@link UnknownNameException} with the closest names otherwise. */
    public RouterInterfaceSpec routerInterface(final String interfaceName) {
        return Names.get(interfaces, interfaceName, RouterInterfaceSpec::name, "interface on " + name);
    }

    /** This router with {@code port} replacing the port of the same name (or added). */
    public RouterSpec withPort(final RouterPortSpec port) {
        return new RouterSpec(name, Lists.replaceOrAdd(ports, port, RouterPortSpec::name), interfaces, routes, acl);
    }

    /** This router with {@code routerInterface} replacing the interface of the same name (or added). */
    public RouterSpec withInterface(final RouterInterfaceSpec routerInterface) {
        return new RouterSpec(name, ports, Lists.replaceOrAdd(interfaces, routerInterface,
                RouterInterfaceSpec::name), routes, acl);
    }

    /** This router without the interface named {@code interfaceName}. */
    public RouterSpec withoutInterface(final String interfaceName) {
        return new RouterSpec(name, ports, Lists.remove(interfaces, interfaceName, RouterInterfaceSpec::name),
                routes, acl);
    }

    /** This router with {@code route} added after its other static routes. */
    public RouterSpec withRoute(final StaticRoute route) {
        final List<StaticRoute> more = new ArrayList<>(routes);
        more.add(route);
        return new RouterSpec(name, ports, interfaces, more, acl);
    }

    /** This router with {@code rule} inserted at {@code position} (0 = first, {@code acl().size()} = last). */
    public RouterSpec withAclRule(final int position, final AclRule rule) {
        final List<AclRule> rules = new ArrayList<>(acl);
        rules.add(position, rule);
        return new RouterSpec(name, ports, interfaces, routes, rules);
    }
}
