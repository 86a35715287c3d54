package dev.ec2inventory.migration;

import java.util.regex.Pattern;

/**
 * A database user name and password from a Secrets Manager secret. The password is written into SQL as a literal
 * (MySQL takes it in no other form), so it must be letters and digits only, as the database stack generates it.
 */
record DatabaseCredentials(String username, String password) {

    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9_]{1,32}");
    private static final Pattern PASSWORD = Pattern.compile("[A-Za-z0-9]{16,128}");

    DatabaseCredentials {
        if (username == null || !USER_NAME.matcher(username).matches()) {
            throw new ApplicationUserException("the application user's secret must name a user of 1 to 32 letters, "
                    + "digits or '_'");
        }
        if (password == null || !PASSWORD.matcher(password).matches()) {
            throw new ApplicationUserException("the application user's secret must hold a password of 16 to 128 "
                    + "letters and digits (Secrets Manager's ExcludePunctuation)");
        }
    }

    /** The account as MySQL's grant statements name it: any host, since the Data API connects from its own fleet. */
    String account() {
        return "'" + username + "'@'%'";
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[username=" + username + ", password=(withheld)]";
    }
}
