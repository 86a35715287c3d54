package dev.ec2inventory.dataapi;

/** A database user name and password, as a Data API secret holds them; its text never shows the password. */
public record DatabaseCredentials(String username, String password) {

    @Override
    public String toString() {
        return "DatabaseCredentials[username=" + username + ", password=(withheld)]";
    }
}
