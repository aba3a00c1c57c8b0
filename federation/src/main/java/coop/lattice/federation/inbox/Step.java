package coop.lattice.federation.inbox;

/**
 * One step of the inbox pipeline: takes what the step before made and either answers the request
 * (a refusal) or hands its own result to the next step, which it was given when it was built.
 */
@FunctionalInterface
interface Step<T> {
  void accept(T input);
}
