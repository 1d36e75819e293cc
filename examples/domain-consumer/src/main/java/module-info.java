/** A reuser's module: it needs the agent-session model and nothing else. */
module com.example.wakeup {
    requires io.agentevents.domain;
    exports com.example.wakeup;
}
