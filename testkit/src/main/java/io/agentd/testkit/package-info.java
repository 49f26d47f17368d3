/** Test support shared across modules. */
package io.agentd.testkit;
