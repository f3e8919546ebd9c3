package io.github.camelgc.metaimage.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * How every command line of the project runs on picocli, decided once: {@code --help} and {@code --version} print
 * to standard output and exit 0; wrong usage prints the problem and the usage to standard error and exits 2; a
 * failure prints {@code <command>: <message>} (no stack trace) and exits 1.
 *
 * <p>The other modules' command lines (emulator, service, benchmark) run through this class too; it lives here
 * because {@code metaimage} is the module all of them depend on.
 */
public final class CommandLines {

    private CommandLines() {
    }

    /**
     * A picocli command line for {@code command} writing to the given streams, with the project's error handling.
     *
     * @param command an object annotated with {@link CommandLine.Command}
     * @param out where help, version and the command's own output go
     * @param err where usage errors and failures go
     * @return the configured command line
     */
    public static CommandLine create(Object command, PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(command);
        line.setOut(writer(out));
        line.setErr(writer(err));
        line.setExecutionExceptionHandler((e, failed, parseResult) -> {
            failed.getErr().println(failed.getCommandSpec().root().name() + ": " + message(e));
            failed.getErr().flush();
            return CommandLine.ExitCode.SOFTWARE;
        });
        return line;
    }

    /**
     * Parses {@code args} and runs the command.
     *
     * @param command an object annotated with {@link CommandLine.Command}
     * @param args the command line arguments
     * @param out where help, version and the command's own output go
     * @param err where usage errors and failures go
     * @return the exit code: 0 done, 1 failed, 2 wrong usage (or the command's own code)
     */
    public static int execute(Object command, String[] args, PrintStream out, PrintStream err) {
        CommandLine line = create(command, out, err);
        try {
            return line.execute(args);
        } finally {
            line.getOut().flush();
            line.getErr().flush();
        }
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(stream, true);
    }

    private static String message(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    /**
     * {@code --version}: the command's name and the version of the jar it was loaded from
     * ({@code Implementation-Version} in the jar's manifest, which the build writes).
     */
    public static final class Version implements IVersionProvider {

        @Spec
        CommandSpec spec;

        /** Created by picocli. */
        public Version() {
        }

        @Override
        public String[] getVersion() {
            CommandSpec root = spec.root();
            Package pkg = root.userObject().getClass().getPackage();
            String version = pkg == null ? null : pkg.getImplementationVersion();
            return new String[] {root.name() + " " + (version != null ? version : "(development build, not from a jar)"),
                "Java " + System.getProperty("java.version")};
        }
    }
}
