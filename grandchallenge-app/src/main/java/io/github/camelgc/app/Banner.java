package io.github.camelgc.app;

import java.io.PrintStream;

import io.github.camelgc.app.platform.Platform;

/** The start-up banner: which platform the service talks to and where its folders are. */
final class Banner {

    private Banner() {
    }

    static void print(PrintStream out, Platform platform, WorkFolders folders) {
        out.println("================================================================================");
        out.println(" Grand Challenge drop-folder service");
        if (platform.embedded()) {
            out.println(" No platform configured: using the EMBEDDED EMULATOR at " + platform.baseUrl());
            out.println(" (trusting only its own generated certificate). To use grand-challenge.org, set");
            out.println(" GRAND_CHALLENGE_AUTHORIZATION to your API token.");
        } else {
            out.println(" Platform: " + platform.baseUrl() + " (token from the configuration, not shown)");
        }
        out.println(" Work folder: " + folders.root());
        out.println("   drop scans into   " + folders.root().relativize(folders.inbox(WorkFolders.LOBES)));
        out.println("   drop case folders " + folders.root().relativize(folders.inbox(WorkFolders.REGISTRATION)));
        out.println("   results in        " + folders.root().relativize(folders.root().resolve("outbox")));
        out.println("================================================================================");
    }
}
