package vnetsim;
final class Placeholder {}
