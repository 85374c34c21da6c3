package dev.picotool.config;

import java.util.Locale;

/** The sensor on the data pin; the minimum read interval is the sensor's own limit. */
public enum SensorType {
    DHT22(2, -40, 80, 0, 100),
    DHT11(1, 0, 50, 20, 90),
    NONE(0, 0, 0, 0, 0);

    private final int minIntervalSeconds;
    private final double minTemp;
    private final double maxTemp;
    private final double minHumidity;
    private final double maxHumidity;

    SensorType(int minIntervalSeconds, double minTemp, double maxTemp, double minHumidity, double maxHumidity) {
        this.minIntervalSeconds = minIntervalSeconds;
        this.minTemp = minTemp;
        this.maxTemp = maxTemp;
        this.minHumidity = minHumidity;
        this.maxHumidity = maxHumidity;
    }

    public int minIntervalSeconds() {
        return minIntervalSeconds;
    }

    public double minTemp() {
        return minTemp;
    }

    public double maxTemp() {
        return maxTemp;
    }

    public double minHumidity() {
        return minHumidity;
    }

    public double maxHumidity() {
        return maxHumidity;
    }

    /** The name used in settings, templates and on the command line: dht22, dht11, none. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
