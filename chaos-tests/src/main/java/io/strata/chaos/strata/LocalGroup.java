package io.strata.chaos.strata;

/**
 * One Raft group hosted by one node, as that node sees it (an entry of ListLocalReplicas).
 *
 * @param group the group's index ({@code group-<index>} of the run)
 * @param leaderReady leads and has committed an entry of its term: serves writes now
 */
public record LocalGroup(int group, boolean leader, boolean leaderReady, String leaderId, long term, long applied) {}
