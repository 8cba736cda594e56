/**
 * Who may select which program stream: the rules of each cycle and iteration as data
 * ({@code eligibility/<cycle>/iteration-N.json}, parsed strictly by {@code RulesFileParser}), a pure
 * evaluator that returns a decision with its reasons in English and French (rule, list and version,
 * next step, contact), and the reconciliation policy that finds profiles contradicting the lists.
 */
package org.residencymatch.eligibility;
