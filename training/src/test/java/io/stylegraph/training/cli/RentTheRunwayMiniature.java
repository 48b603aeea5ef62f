package io.stylegraph.training.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * A few rentals in the layout of {@code rent-the-runway/ratings.csv.gz}: 6 renters who each rate 4 of 8 dresses 10 on
 * successive days, a middling 6, and two dislikes of renter 1 — one before her last train like, one after it.
 */
final class RentTheRunwayMiniature {

    static final int USERS_WITH_THREE_LIKES = 6;

    private RentTheRunwayMiniature() {
    }

    static void write(Path dataDir) throws IOException {
        Path folder = Files.createDirectories(dataDir.resolve("rent-the-runway"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(folder.resolve("ratings.csv.gz")));
             Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            writer.write("fit,user_id,item_id,weight_lbs,rating,rented_for,body_type,category,size,age,review_date,"
                    + "bust_size_num,bust_size_letter,height_in,review_month,review_day_of_month,review_year,"
                    + "recommend\n");
            for (int user = 1; user <= 6; user++) {
                for (int k = 0; k < 4; k++) {
                    int item = (user + k) % 8;
                    writer.write(row(user, item, 10, 10 + k));
                }
            }
            writer.write(row(2, 5, 6, 20));
            writer.write(row(1, 6, 2, 11)); // before renter 1's last train like (day 11)
            writer.write(row(1, 7, 4, 13)); // in her test period
        }
    }

    private static String row(int user, int item, int rating, int day) {
        return "fit," + user + ",10" + item + ",130," + rating + ",party,hourglass,dress,8,30,2017-03-" + day
                + ",34,b,65,3," + day + ",2017," + (rating == 10 ? 1 : 0) + "\n";
    }
}
