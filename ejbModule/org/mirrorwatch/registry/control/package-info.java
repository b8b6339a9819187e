/**
 * The registry's rules that need more than one entity: who may see and change a mirror (AccessRules),
 * which mirrors are due for a probe, which publication URLs show how fresh a mirror's copy is, what the
 * audit trail keeps of a mirror, and the mails about mirrors (with the notices that go once per certificate,
 * TlsNotices, and once per degradation of an address family, FamilyNotices). Called by the registry's facades and by the
 * prober.
 */
package org.mirrorwatch.registry.control;
